package com.example.repos;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class RepoService {
    private static final String API_KEY = "9f2c4e8a1b7d3f6e";

    private final Connection db;

    public RepoService(Connection db) {
        this.db = db;
    }

    public int cloneInto(String url, File target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "clone", url, target.getPath()).inheritIO().start();
        return p.waitFor();
    }

    public ResultSet findByOwner(String owner) throws SQLException {
        Statement stmt = db.createStatement();
        return stmt.executeQuery("SELECT id, name FROM repos WHERE owner = '" + owner + "'");
    }

    public void archive(String name) throws IOException {
        Runtime.getRuntime().exec("tar czf /backups/" + name + ".tgz /srv/repos/" + name);
    }

    public String apiKeyHeader() {
        return "X-Api-Key: " + API_KEY;
    }
}
