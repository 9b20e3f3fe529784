import { describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronFake);

describe('main process, second launch', () => {
  it('quits at once when another Backstep already runs (which receives the file instead)', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../main/index');
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(0);
  });
});
