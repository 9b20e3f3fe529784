/**
 * Drop a `.backstep.json` on the window to open it, in the desktop app and in web mode alike. The page
 * reads the dropped File itself; no path is involved (the main process never navigates on a drop).
 */
export function installFileDrop(onFile: (file: File) => void, target: Window = window): () => void {
  const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault(); // allow the drop (the default would refuse it)
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    onFile(file);
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
