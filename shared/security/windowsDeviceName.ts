/** Device names Windows reserves, whatever extension follows them ("con.txt" is the console). */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Whether Windows reads a file name (or a path segment) as a device: its part before the first
 * dot, without the spaces Windows trims, is CON, PRN, AUX, NUL, COM0–9 or LPT0–9.
 */
export function isWindowsDeviceName(name: string): boolean {
  const stem = name.split('.')[0]!.replace(/ +$/, '');
  return DEVICE_NAME.test(stem);
}
