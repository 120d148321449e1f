"use client";

/**
 * A chart as a file: its SVG, standalone (namespace, white background, a title line above it), or
 * that SVG drawn into a PNG at twice the size. Only data: images are drawn (the CSP's img-src), so
 * the canvas is never tainted.
 */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const width = Number(svg.getAttribute("width")) || svg.clientWidth;
  const height = Number(svg.getAttribute("height")) || svg.clientHeight;
  const ns = "http://www.w3.org/2000/svg";
  const out = document.createElementNS(ns, "svg");
  const titleHeight = 24;
  out.setAttribute("xmlns", ns);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(height + titleHeight));
  out.setAttribute("viewBox", `0 0 ${width} ${height + titleHeight}`);
  out.setAttribute("font-family", "system-ui, sans-serif");
  out.setAttribute("font-size", "12");
  const background = document.createElementNS(ns, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#fff");
  const heading = document.createElementNS(ns, "text");
  heading.setAttribute("x", "8");
  heading.setAttribute("y", "16");
  heading.setAttribute("font-size", "13");
  heading.setAttribute("font-weight", "bold");
  heading.textContent = title;
  const body = document.createElementNS(ns, "g");
  body.setAttribute("transform", `translate(0,${titleHeight})`);
  for (const child of [...svg.childNodes]) body.appendChild(child.cloneNode(true));
  out.append(background, heading, body);
  return new XMLSerializer().serializeToString(out);
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(markup: string, name: string) {
  save(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }), `${name}.svg`);
}

export async function downloadPng(markup: string, name: string) {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = image.naturalWidth * scale;
  canvas.height = image.naturalHeight * scale;
  const context = canvas.getContext("2d");
  if (!context) return;
  context.scale(scale, scale);
  context.drawImage(image, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob) save(blob, `${name}.png`);
}

/** Copies text, falling back to a selected text area where the clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
