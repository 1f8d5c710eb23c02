// How the tab hands a file the service made to the person: one place, so every download (CSV,
// Word, calendar, image) is saved the same way.

export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
