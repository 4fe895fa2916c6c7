def test_health_reports_database_and_store(client):
    body = client.get("/api/health").get_json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["attachments"] == {"status": "ok", "backend": "local"}


def test_rep_creates_lead_owned_by_them(login_as):
    rep = login_as("sales")
    response = rep.post("/api/v1/leads", json={"name": "李娜", "phone": "138 0013 8000"})
    assert response.status_code == 201
    assert response.get_json()["owner_id"] == rep.user.id
    assert response.get_json()["phone"] == "+8613800138000"
