public void upload(HttpServletRequest request, File baseDir) throws IOException {
    String name = request.getParameter("file");
    String owner = request.getRemoteUser();
    int size = request.getContentLength();
    if (size > MAX_SIZE) {
        throw new IOException("too large");
    }
    File target = new File(baseDir, name);
    audit.record(owner, size);
    try (InputStream in = request.getInputStream()) {
        Files.copy(in, target.toPath());
    } catch (IOException e) {
        log.warn("upload failed", e);
        throw e;
    }
}
