import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../main/contract/commands';
import { menuTemplate, type MenuOptions } from '../../main/menu';
import { sessionPathsIn } from '../../main/argv';

vi.mock('electron', async () => (await import('./electron-fake')).electronFake);

function build(overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = {
    recent: [],
    theme: 'system',
    send: vi.fn(),
    quit: vi.fn(),
    toggleDevTools: vi.fn(),
    ...overrides,
  };
  const template = menuTemplate(options);
  const items = (menu: string) =>
    (template.find((m) => m.label === menu)?.submenu as MenuItemConstructorOptions[]).filter(
      (i) => i.type !== 'separator',
    );
  const item = (menu: string, label: string) => items(menu).find((i) => i.label === label)!;
  const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();
  return { options, template, items, item, click };
}

describe('desktop menu', () => {
  it('has File, View, Debug and Help with every command of the shared list', () => {
    const { template, items } = build();
    expect(template.map((m) => m.label)).toEqual(['File', 'View', 'Debug', 'Help']);
    const labels = template.flatMap((m) => items(m.label as string).map((i) => i.label));
    expect(labels).toEqual(COMMANDS.map((c) => c.label));
  });

  it('sends the command id to the page when an item is clicked', () => {
    const { options, item, click } = build();
    click(item('Debug', 'Step'));
    click(item('View', 'Fit graph'));
    expect(options.send).toHaveBeenNthCalledWith(1, { id: 'step' });
    expect(options.send).toHaveBeenNthCalledWith(2, { id: 'fit' });
  });

  it('shows keys in the menu but leaves plain keys to the page (so Space types a space in a text box)', () => {
    const { item } = build();
    expect(item('Debug', 'Play / pause')).toMatchObject({ accelerator: 'Space', registerAccelerator: false });
    expect(item('File', 'Open lesson…')).toMatchObject({
      accelerator: 'CmdOrCtrl+O',
      registerAccelerator: false,
    });
    expect(item('File', 'Quit').accelerator).toBe('CmdOrCtrl+Q');
    expect(item('File', 'Quit').registerAccelerator).toBeUndefined();
  });

  it('handles Quit and developer tools itself', () => {
    const { options, item, click } = build();
    click(item('File', 'Quit'));
    click(item('View', 'Toggle developer tools'));
    expect(options.quit).toHaveBeenCalledOnce();
    expect(options.toggleDevTools).toHaveBeenCalledOnce();
    expect(options.send).not.toHaveBeenCalled();
  });

  it('lists recent files by name and opens them by id; checks the current theme', () => {
    const { options, item, click } = build({
      recent: [
        { id: 0, name: 'a.backstep.json' },
        { id: 1, name: 'b.backstep.json' },
      ],
      theme: 'dark',
    });
    const recent = item('File', 'Open recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label)).toEqual(['a.backstep.json', 'b.backstep.json']);
    click(recent[1]!);
    expect(options.send).toHaveBeenCalledWith({ id: 'openRecent', arg: 1 });
    expect(item('View', 'Theme: dark')).toMatchObject({ type: 'radio', checked: true });
    expect(item('View', 'Theme: light')).toMatchObject({ type: 'radio', checked: false });
  });

  it('says so when there are no recent files', () => {
    const { item } = build();
    expect(item('File', 'Open recent').submenu).toEqual([{ label: 'No recent files', enabled: false }]);
  });
});

describe('command line', () => {
  it('takes .json arguments as session files, resolved against the starting folder', () => {
    expect(
      sessionPathsIn(['.', '--', 'work/a.backstep.json', '--inspect', '/abs/b.json'], '/home/s'),
    ).toEqual(['/home/s/work/a.backstep.json', '/abs/b.json']);
  });
});
