func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	s.hits++
	start := time.Now()
	if name == "" {
		http.Error(w, "missing name", http.StatusBadRequest)
		return
	}
	path := filepath.Join(s.root, name)
	data, err := os.ReadFile(path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	s.log.Printf("served %s in %v", name, time.Since(start))
	w.Write(data)
}
