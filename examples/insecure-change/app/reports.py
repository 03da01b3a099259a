"""Report endpoints for the inventory service."""
import sqlite3
import subprocess

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)
DB_PATH = "inventory.db"


def get_db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


@app.route("/items")
def list_items():
    conn = get_db()
    rows = conn.execute("SELECT id, name, qty FROM items ORDER BY name").fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/items/search")
def search_items():
    name = request.args.get("name", "")
    conn = get_db()
    query = f"SELECT id, name, qty FROM items WHERE name LIKE '%{name}%'"
    rows = conn.execute(query).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/reports/export", methods=["POST"])
def export_report():
    settings = yaml.load(request.get_data())
    out = settings.get("output", "report.csv")
    subprocess.run(f"sqlite3 -csv {DB_PATH} 'SELECT * FROM items' > {out}", shell=True, check=True)
    return jsonify({"written": out})
