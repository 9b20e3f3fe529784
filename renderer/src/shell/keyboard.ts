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

export function installKeyboard(desktop: boolean, target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const id = commandForKey(e, desktop);
    if (!id || !hasCommand(id)) return;
    if (e.repeat && !REPEATABLE.has(id)) return;
    // While the student types, plain keys (Space, arrows) belong to the text box.
    const shortcut = commandSpec(id).shortcut;
    if (isTypingTarget(e.target) && shortcut && !parseShortcut(shortcut).ctrl) return;
    e.preventDefault();
    void runCommand(id);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
