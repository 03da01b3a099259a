package com.example.users;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class UserServlet extends HttpServlet {
    private static final String SECRET = "changeme";
    private final Connection connection;

    public UserServlet(Connection connection) {
        this.connection = connection;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        try {
            String name = findName(id);
            resp.getWriter().write("<h1>" + name + "</h1>");
        } catch (SQLException e) {
            resp.sendError(500, e.getMessage());
        }
    }

    // Looks a user up by id.
    String findName(String id) throws SQLException {
        Statement stmt = connection.createStatement();
        ResultSet rs = stmt.executeQuery("SELECT name FROM users WHERE id = " + id);
        return rs.next() ? rs.getString(1) : "unknown";
    }

    private final Function<String, String> sanitizer = input -> {
        return input.replace("<", "&lt;");
    };

    void startAuditThread() {
        Thread audit = new Thread(new Runnable() {
            @Override
            public void run() {
                System.out.println("audit started");
            }
        });
        audit.start();
    }

    static class Cache {
        private final java.util.Map<String, String> entries = new java.util.HashMap<>();

        String get(String key) {
            return entries.get(key);
        }
    }
}
