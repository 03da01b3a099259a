package main

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"os/exec"
)

var db *sql.DB

const adminToken = "s3cr3t"

type UserStore struct {
	db *sql.DB
}

// FindUser looks a user up by name.
func (s *UserStore) FindUser(name string) (string, error) {
	var email string
	query := fmt.Sprintf("SELECT email FROM users WHERE name = '%s'", name)
	err := s.db.QueryRow(query).Scan(&email)
	return email, err
}

func (s UserStore) Close() error {
	return s.db.Close()
}

func runTool(arg string) ([]byte, error) {
	validate := func(a string) bool {
		return len(a) > 0 && len(a) < 64
	}
	if !validate(arg) {
		return nil, fmt.Errorf("bad argument")
	}
	return exec.Command("sh", "-c", "tool "+arg).Output()
}

func main() {
	store := &UserStore{db: db}

	http.HandleFunc("/user", func(w http.ResponseWriter, r *http.Request) {
		email, err := store.FindUser(r.URL.Query().Get("name"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		fmt.Fprintf(w, "<p>%s</p>", email)
	})

	http.HandleFunc("/tool", func(w http.ResponseWriter, r *http.Request) {
		out, _ := runTool(r.URL.Query().Get("arg"))
		w.Write(out)
	})

	log.Fatal(http.ListenAndServe(":8080", nil))
}
