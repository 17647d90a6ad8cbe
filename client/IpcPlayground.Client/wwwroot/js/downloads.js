// Saves text the page fetched itself (with a key in a header, which a plain link cannot carry) as a file the browser
// downloads, through a short-lived blob: address.
export function saveText(fileName, mediaType, text) {
    const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked later, not at once: the browser reads the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
