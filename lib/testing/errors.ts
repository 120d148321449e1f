import { AppError } from "@/lib/errors";

/** The AppError a call was refused with; fails the test if the call succeeded or threw something else. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}
