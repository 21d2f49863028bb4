-- POST /api/items with the body crud_load.py sends, so every target does the same work.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title": "Bench", "item_type": "post", "content": {"body": "hello"}}'
