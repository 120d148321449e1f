/** The messages' job queues (lib/messaging/jobs.ts): one send job per message, and the reminder sweep. */
export const MESSAGE_QUEUES = { send: "message-send", reminders: "reminder-sweep" } as const;
/** The reminder sweep runs every minute; pg-boss sends a cron job once per minute across the cluster. */
export const REMINDER_CRON = "* * * * *";
