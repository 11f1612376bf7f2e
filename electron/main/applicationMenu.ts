import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../../shared/api';

/**
 * The application menu. Its commands are sent to the renderer, which runs them exactly as its
 * own buttons and keys do; the keys themselves are left to the renderer (`registerAccelerator:
 * false`), so one keypress never runs a command twice.
 */
export function buildApplicationMenu(send: (command: ShellCommand) => void): Menu {
  const command = (label: string, name: ShellCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        command('Open Article…', 'open-article', 'CmdOrCtrl+O'),
        command('Import Report…', 'import-report'),
        { type: 'separator' },
        {
          label: 'Export',
          submenu: [
            command('HTML…', 'export-html'),
            command('PDF…', 'export-pdf'),
            command('JSON…', 'export-json'),
            command('CSV…', 'export-csv'),
            command('W3C Web Annotation…', 'export-w3c'),
            command('ClaimReview…', 'export-claimreview'),
          ],
        },
        { type: 'separator' },
        command('Backups and Restore…', 'restore-backup'),
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
