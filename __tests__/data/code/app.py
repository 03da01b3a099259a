"""A small Flask service that looks up users and runs reports."""
import os
import sqlite3
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
DB_PATH = os.environ.get("DB_PATH", "users.db")


def get_connection():
    """Open a connection to the user database."""
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/users/<user_id>")
def get_user(user_id):
    conn = get_connection()
    cursor = conn.execute("SELECT * FROM users WHERE id = '%s'" % user_id)
    row = cursor.fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))


# Reports are slow, so they run in a worker process.
# TODO: move this to a task queue.


@app.route("/reports", methods=["POST"])
async def run_report():
    name = request.json["name"]

    def build_command(report):
        base = ["python", "reports.py"]
        return " ".join(base + [report])

    output = subprocess.check_output(build_command(name), shell=True)
    return output.decode()


normalize = lambda s: s.strip().lower()


class UserRepository:
    table = "users"

    def __init__(self, conn):
        self.conn = conn

    def find_by_email(self, email):
        query = f"SELECT * FROM {self.table} WHERE email = ?"
        return self.conn.execute(query, (normalize(email),)).fetchone()

    @staticmethod
    def hash_password(password):
        import hashlib
        return hashlib.md5(password.encode()).hexdigest()


if __name__ == "__main__":
    app.run(debug=True)
