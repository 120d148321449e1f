/**
 * A small writer of the SPSS system-file format (.sav), as GNU PSPP documents it: bytecode-compressed,
 * little-endian, UTF-8 (record 7.20), with variable labels, value labels, declared missing values,
 * long variable names (7.13) and very long strings (7.14, split into 255-byte segments). Pure: the
 * header is built once, then each case is encoded on its own, so a file can be streamed.
 */

export type TSavVariable = {
  /** Up to 64 bytes, a valid SPSS name, unique regardless of case. */
  name: string;
  label: string;
  kind: "numeric" | "string" | "datetime";
  /** Strings: width in bytes (1..32767); longer values are cut at a character boundary. */
  width?: number;
  valueLabels?: Array<{ value: number; label: string }>;
  /** Numeric only, at most three discrete values. */
  missing?: number[];
};

const SYSMIS = -Number.MAX_VALUE;
const BIAS = 100;
/** Seconds from the Gregorian epoch SPSS counts from (14 Oct 1582) to the Unix epoch. */
const SPSS_EPOCH_OFFSET = 12_219_379_200;
const MAX_SHORT_STRING = 255;
const SEGMENT_DATA = 255;
const SEGMENT_EFFECTIVE = 252;

const utf8 = (s: string) => Buffer.from(s, "utf8");

/** The first `max` bytes of a string's UTF-8, never cutting a character in two. */
function cut(s: string, max: number): Buffer {
  const b = utf8(s);
  if (b.length <= max) return b;
  let end = max;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

const roundUp8 = (n: number) => Math.ceil(n / 8) * 8;

class Out {
  private chunks: Buffer[] = [];
  int(...values: number[]) {
    const b = Buffer.alloc(4 * values.length);
    values.forEach((v, i) => b.writeInt32LE(v, i * 4));
    this.chunks.push(b);
  }
  double(...values: number[]) {
    const b = Buffer.alloc(8 * values.length);
    values.forEach((v, i) => b.writeDoubleLE(v, i * 8));
    this.chunks.push(b);
  }
  /** Bytes padded with `pad` to `length` (cut if longer). */
  fixed(bytes: Buffer | string, length: number, pad = 0x20) {
    const b = Buffer.alloc(length, pad);
    (typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes).copy(b, 0, 0, length);
    this.chunks.push(b);
  }
  raw(b: Buffer) {
    this.chunks.push(b);
  }
  buffer() {
    return Buffer.concat(this.chunks);
  }
}

/** A variable's segments: one for numbers and strings up to 255 bytes, several for longer strings. */
function segments(v: TSavVariable): number[] {
  if (v.kind !== "string") return [0];
  const width = stringWidth(v);
  if (width <= MAX_SHORT_STRING) return [width];
  const n = Math.ceil(width / SEGMENT_EFFECTIVE);
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? MAX_SHORT_STRING : width - i * SEGMENT_EFFECTIVE));
}

const stringWidth = (v: TSavVariable) => Math.min(32767, Math.max(1, v.width ?? 8));
const slotsOf = (segmentWidth: number) => (segmentWidth === 0 ? 1 : roundUp8(segmentWidth) / 8);

function format(v: TSavVariable, segmentWidth: number): number {
  if (v.kind === "datetime") return (22 << 16) | (20 << 8);
  if (v.kind === "string") return (1 << 16) | (segmentWidth << 8);
  return (5 << 16) | (8 << 8);
}

/** Unique 8-byte short names, derived from the long names as SPSS does. */
function shortNames(count: number, base: (i: number) => string): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const stem = base(i).toUpperCase().replace(/[^A-Z0-9_]/g, "_").slice(0, 8);
    let name = stem;
    for (let n = 1; used.has(name); n++) name = `${stem.slice(0, 8 - String(n).length - 1)}_${n}`;
    used.add(name);
    out.push(name);
  }
  return out;
}

export type TSavFile = { header: Buffer; encoder: SavCaseEncoder };

/** The dictionary (everything before the data) and an encoder for the cases. */
export function createSav(variables: readonly TSavVariable[], options: { fileLabel?: string; now?: Date } = {}): TSavFile {
  const now = options.now ?? new Date();
  const layout = variables.map((v) => ({ v, segments: segments(v) }));
  const flat = layout.flatMap(({ v, segments: segs }) => segs.map((width, i) => ({ v, width, index: i })));
  const short = shortNames(flat.length, (i) => (flat[i]!.index === 0 ? flat[i]!.v.name : `${flat[i]!.v.name.slice(0, 5)}${flat[i]!.index}`));
  const caseSlots = flat.reduce((n, s) => n + slotsOf(s.width), 0);

  const out = new Out();
  // Record 1: the file header.
  out.fixed("$FL2", 4);
  out.fixed("@(#) SPSS DATA FILE - expert-panel export", 60);
  out.int(2, caseSlots, 1, 0, -1);
  out.double(BIAS);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p2 = (n: number) => String(n).padStart(2, "0");
  out.fixed(`${p2(now.getUTCDate())} ${months[now.getUTCMonth()]} ${p2(now.getUTCFullYear() % 100)}`, 9);
  out.fixed(`${p2(now.getUTCHours())}:${p2(now.getUTCMinutes())}:${p2(now.getUTCSeconds())}`, 8);
  out.fixed(cut(options.fileLabel ?? "", 64), 64);
  out.fixed("", 3, 0);

  // Records 2: one per segment, plus a continuation record per further 8 bytes of a string.
  const slotIndex: number[] = [];
  let slot = 1;
  flat.forEach((s, i) => {
    slotIndex.push(slot);
    const isFirst = s.index === 0;
    const label = isFirst && s.v.label ? cut(s.v.label, 255) : null;
    const missing = s.v.kind !== "string" && isFirst ? (s.v.missing ?? []).slice(0, 3) : [];
    out.int(2, s.v.kind === "string" ? s.width : 0, label ? 1 : 0, missing.length, format(s.v, s.width), format(s.v, s.width));
    out.fixed(short[i]!, 8);
    if (label) {
      out.int(label.length);
      out.fixed(label, Math.ceil(label.length / 4) * 4);
    }
    if (missing.length) out.double(...missing);
    for (let c = 1; c < slotsOf(s.width); c++) {
      out.int(2, -1, 0, 0, 0, 0);
      out.fixed("", 8);
    }
    slot += slotsOf(s.width);
  });

  // Records 3 and 4: value labels of numeric variables.
  flat.forEach((s, i) => {
    const labels = s.index === 0 && s.v.kind !== "string" ? (s.v.valueLabels ?? []) : [];
    if (!labels.length) return;
    out.int(3, labels.length);
    for (const l of labels) {
      out.double(l.value);
      const text = cut(l.label, 120);
      const b = Buffer.alloc(roundUp8(text.length + 1), 0x20);
      b[0] = text.length;
      text.copy(b, 1);
      out.raw(b);
    }
    out.int(4, 1, slotIndex[i]!);
  });

  const extension = (subtype: number, size: number, data: Buffer) => {
    out.int(7, subtype, size, data.length / size);
    out.raw(data);
  };
  const ints = (...v: number[]) => {
    const b = Buffer.alloc(v.length * 4);
    v.forEach((x, i) => b.writeInt32LE(x, i * 4));
    return b;
  };
  const doubles = (...v: number[]) => {
    const b = Buffer.alloc(v.length * 8);
    v.forEach((x, i) => b.writeDoubleLE(x, i * 8));
    return b;
  };
  // 7.3 machine integers (version, machine, IEEE floats, compression, little-endian, UTF-8); 7.4 floats.
  extension(3, 4, ints(1, 6, 2, -1, 1, 1, 2, 65001));
  const lowest = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xef, 0xff]).readDoubleLE(0);
  extension(4, 8, doubles(SYSMIS, Number.MAX_VALUE, lowest));
  // 7.13 long names, 7.14 very long strings, 7.20 the character encoding.
  const longNames = flat.flatMap((s, i) => (s.index === 0 ? [`${short[i]}=${s.v.name}`] : [])).join("\t");
  extension(13, 1, utf8(longNames));
  const veryLong = flat.flatMap((s, i) => (s.index === 0 && s.v.kind === "string" && stringWidth(s.v) > MAX_SHORT_STRING ? [`${short[i]}=${String(stringWidth(s.v)).padStart(5, "0")}\0\t`] : []));
  if (veryLong.length) extension(14, 1, utf8(veryLong.join("")));
  extension(20, 1, utf8("UTF-8"));
  // Record 999: end of the dictionary.
  out.int(999, 0);

  return { header: out.buffer(), encoder: new SavCaseEncoder(layout) };
}

/**
 * Encodes cases with the bytecode compression: blocks of eight opcodes, each followed by the raw
 * 8-byte values it names. Writes into one growing buffer (no allocation per value); `take()` hands
 * over the complete blocks so far.
 */
export class SavCaseEncoder {
  private buf = Buffer.allocUnsafe(1 << 16);
  private pos = 0;
  /** Where the open block's opcodes are, and how many are used (8: no open block). */
  private opStart = 0;
  private ops = 8;

  constructor(private readonly layout: Array<{ v: TSavVariable; segments: number[] }>) {}

  private ensure(bytes: number) {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  private op(code: number) {
    if (this.ops === 8) {
      // A new block: its opcodes (zero = padding), then room for up to eight values.
      this.ensure(8 + 64);
      this.opStart = this.pos;
      this.buf.fill(0, this.pos, this.pos + 8);
      this.pos += 8;
      this.ops = 0;
    }
    this.buf[this.opStart + this.ops++] = code;
  }

  private number(value: number | null) {
    if (value === null || !Number.isFinite(value)) return this.op(255);
    if (Number.isInteger(value) && value >= 1 - BIAS && value <= 251 - BIAS) return this.op(value + BIAS);
    this.op(253);
    this.buf.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  private string(bytes: Buffer, from: number, used: number, slots: number) {
    for (let slot = 0; slot < slots; slot++) {
      const start = from + slot * 8;
      const end = Math.min(from + used, start + 8, bytes.length);
      if (end <= start) {
        this.op(254);
        continue;
      }
      this.op(253);
      bytes.copy(this.buf, this.pos, start, end);
      this.buf.fill(0x20, this.pos + (end - start), this.pos + 8);
      this.pos += 8;
    }
  }

  /** Encodes one case; cells in the order of the variables (numbers, strings, ISO dates or null). */
  encode(cells: ReadonlyArray<number | string | null>): void {
    this.layout.forEach(({ v, segments: segs }, i) => {
      const cell = cells[i] ?? null;
      if (v.kind === "numeric") return this.number(typeof cell === "string" ? Number(cell) : cell);
      if (v.kind === "datetime") {
        const ms = cell === null ? NaN : Date.parse(String(cell));
        return this.number(Number.isNaN(ms) ? null : ms / 1000 + SPSS_EPOCH_OFFSET);
      }
      const bytes = cell === null || cell === "" ? EMPTY : cut(String(cell), stringWidth(v));
      segs.forEach((width, s) => {
        const start = segs.length === 1 ? 0 : s * SEGMENT_DATA;
        const used = segs.length === 1 ? width : Math.max(0, Math.min(stringWidth(v) - start, SEGMENT_DATA));
        this.string(bytes, start, used, slotsOf(width));
      });
    });
  }

  /** Bytes encoded and not yet taken. */
  get size(): number {
    return this.pos;
  }

  /** The complete blocks encoded so far (the open block stays until it is full). */
  take(): Buffer {
    const end = this.ops === 8 ? this.pos : this.opStart;
    const done = Buffer.from(this.buf.subarray(0, end));
    this.buf.copy(this.buf, 0, end, this.pos);
    this.pos -= end;
    this.opStart -= end;
    return done;
  }

  /** Everything left, the last block padded with zero opcodes. */
  end(): Buffer {
    this.ops = 8;
    return this.take();
  }
}

const EMPTY = Buffer.alloc(0);
