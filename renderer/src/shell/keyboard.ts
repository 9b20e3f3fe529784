/** Keyboard shortcuts, read from the shared command list, for the desktop app and web mode alike. */
import {
  commandForKey,
  commandSpec,
  hasCommand,
  isTypingTarget,
  parseShortcut,
  runCommand,
} from '../commands';

/** Holding the key repeats these; toggles (play/pause, theme) fire once per press. */
const REPEATABLE = new Set(['step', 'stepBack', 'zoomIn', 'zoomOut']);

/**
 * Plain keys that the focused element needs for itself: Space and Enter press a focused button, arrows
 * move inside an open menu or a list box. Those are not shortcuts there.
 */
function keyBelongsToTarget(e: KeyboardEvent): boolean {
  // The timeline scrubber: plain arrows, Home/End and the Page keys move it itself (the same steps the
  // shortcuts take); Space (play) and Shift+→ (run the forward pass) stay the app's after a click on it.
  if (e.target instanceof HTMLInputElement && e.target.type === 'range')
    return (
      (e.key.startsWith('Arrow') && !e.shiftKey) || ['Home', 'End', 'PageUp', 'PageDown'].includes(e.key)
    );
  if (isTypingTarget(e.target)) return true;
  if (!(e.target instanceof Element)) return false;
  if (e.key === ' ' || e.key === 'Enter') {
    return (
      e.target.closest('button, a[href], summary, [role="button"], [role="menuitem"], [role="tab"]') !== null
    );
  }
  if (e.key.startsWith('Arrow')) return e.target.closest('.menu, [role="listbox"], [role="slider"]') !== null;
  return false;
}

export function installKeyboard(desktop: boolean, target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const id = commandForKey(e, desktop);
    if (!id || !hasCommand(id)) return;
    if (e.repeat && !REPEATABLE.has(id)) return;
    // Ctrl shortcuts work everywhere; plain ones (Space, arrows) not where the focused element needs them.
    const shortcut = commandSpec(id).shortcut;
    if (shortcut && !parseShortcut(shortcut).ctrl && keyBelongsToTarget(e)) return;
    e.preventDefault();
    void runCommand(id);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
