"""Inventory admin endpoints."""
import os
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


def get_db():
    return sqlite3.connect("inventory.db")


@app.route("/items/<int:item_id>/delete")
def delete_item(item_id):
    conn = get_db()
    conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
    conn.commit()
    return jsonify({"deleted": item_id})


@app.route("/items/search")
def search_items():
    name = request.args.get("name", "")
    cur = get_db().cursor()
    cur.execute(f"SELECT id, name FROM items WHERE name = '{name}'")
    return jsonify(cur.fetchall())


def open_orders(conn, customer_id, status):
    cur = conn.cursor()
    cur.execute("SELECT id FROM orders WHERE customer = %s AND status = %s" % (customer_id, status))
    return cur.fetchall()


@app.route("/settings/import", methods=["POST"])
def import_settings():
    settings = yaml.load(request.get_data())
    return jsonify(settings)


def fetch_supplier_feed(base_url, token):
    resp = requests.get(f"{base_url}/feed", headers={"Authorization": f"Bearer {token}"}, verify=False, timeout=10)
    resp.raise_for_status()
    return resp.json()


def archive_upload(path):
    status = os.system("tar czf /backups/upload.tgz " + path)
    return status == 0


def mirror(repo_url, dest):
    subprocess.run(["git", "clone", "--mirror", repo_url, dest], check=True, timeout=300)


def list_items(conn):
    # A constant query: no finding.
    return conn.execute("SELECT id, name FROM items ORDER BY name").fetchall()
