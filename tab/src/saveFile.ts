// The one file the tab makes itself, the map around a subject as an image: its layout is the one
// drawn on the page, so it is saved from the page. Every file the service makes opens through a
// download link instead (openDownload.ts).

export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
