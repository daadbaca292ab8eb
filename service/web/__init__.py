"""The web page for archivists and staff: server-rendered Vietnamese pages over the
archive, with a little JavaScript for uploads, inline corrections and the page image."""
