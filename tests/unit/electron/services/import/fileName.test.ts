import { describe, expect, it } from 'vitest';
import { baseName, extensionOf, titleFromFileName } from '../../../../../electron/services/import/fileName';

describe('file names', () => {
  it.each([
    ['ectc-terror-report.txt', 'Ectc terror report'],
    ['my__notes--2024_.md', 'My notes 2024'],
    ['/home/ann/Already Titled.html', 'Already Titled'],
    ['C:\\news\\élan-vital.htm', 'Élan vital'],
    ['.txt', '.txt'],
    ['---.md', 'Untitled article'],
  ])('makes a title of %s', (fileName, title) => {
    expect(titleFromFileName(fileName)).toBe(title);
  });

  it('finds the base name and the lower-case extension', () => {
    expect(baseName('C:\\a/b\\c.TXT')).toBe('c.TXT');
    expect(extensionOf('/x/c.TXT')).toBe('txt');
    expect(extensionOf('/x.d/README')).toBe('');
    expect(extensionOf('.bashrc')).toBe('');
  });
});
