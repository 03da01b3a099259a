package mirror

import (
	"context"
	"crypto/tls"
	"database/sql"
	"fmt"
	"net/http"
	"os/exec"
	"time"
)

func NewHTTPClient() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	return &http.Client{Transport: tr, Timeout: 15 * time.Second}
}

func Clone(ctx context.Context, repoURL, dir string) error {
	return exec.CommandContext(ctx, "git", "clone", "--bare", repoURL, dir).Run()
}

func FindMirror(db *sql.DB, name string) (*sql.Rows, error) {
	query := fmt.Sprintf("SELECT id, url FROM mirrors WHERE name = '%s'", name)
	return db.Query(query)
}

func Prune(ctx context.Context, dir string) error {
	return exec.CommandContext(ctx, "sh", "-c", "rm -rf "+dir).Run()
}
