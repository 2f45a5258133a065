const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What a PNG's header says about the image: its size and whether it can be transparent. */
export type PngHeader = { width: number; height: number; colorType: number; hasAlpha: boolean };

/**
 * Reads the size and colour type of a PNG from its IHDR chunk (no image library needed). An image has
 * an alpha channel with colour type 4 (grey + alpha) or 6 (RGBA), or with a `tRNS` chunk. Returns
 * undefined when the bytes are not a PNG.
 */
export function readPngHeader(bytes: Uint8Array): PngHeader | undefined {
  if (bytes.length < 33 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = (offset: number) => String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
  if (chunkType(8) !== 'IHDR') return undefined;
  const colorType = bytes[25] ?? -1;
  let hasTransparencyChunk = false;
  for (let offset = 8; offset + 8 <= bytes.length; offset += 12 + view.getUint32(offset)) {
    const type = chunkType(offset);
    if (type === 'tRNS') hasTransparencyChunk = true;
    if (type === 'IDAT' || type === 'IEND') break;
  }
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    colorType,
    hasAlpha: colorType === 4 || colorType === 6 || hasTransparencyChunk,
  };
}
