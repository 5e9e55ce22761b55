#!/usr/bin/env python3
"""Feeds every message of a written clinic corpus to rspamd's /checkv2 on 127.0.0.1 over one kept-alive
connection, and prints per-message time (client round trip and rspamd's own time_real), messages per
second and correctness against truth.csv, in the same format as the engine's line."""
import csv, http.client, json, statistics, sys, time

def main(directory, port):
    rows = list(csv.DictReader(open(f"{directory}/truth.csv")))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    def check(row):
        body = open(f"{directory}/{row['file']}", "rb").read()
        headers = {"From": "clinic@ourtrust.nhs.uk", "Content-Type": "message/rfc822"}
        conn.putrequest("POST", "/checkv2")
        for k, v in headers.items():
            conn.putheader(k, v)
        for r in row["recipients"].split(";"):
            conn.putheader("Rcpt", r)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        reply = json.loads(conn.getresponse().read())
        return "NHS_NUMBER_EXTERNAL" in reply.get("symbols", {}), reply.get("time_real")
    for row in rows:  # warm-up pass, as for the engine
        check(row)
    round_trips, server, tp, fp, fn, tn, wf, we = [], [], 0, 0, 0, 0, 0, 0
    start = time.perf_counter()
    for row in rows:
        t = time.perf_counter()
        flagged, real = check(row)
        round_trips.append((time.perf_counter() - t) * 1e6)
        if real is not None:
            server.append(float(real) * 1e6)
        expected = row["expected_flag"] == "1"
        tp += flagged and expected; fp += flagged and not expected
        fn += (not flagged) and expected; tn += (not flagged) and not expected
        if expected and row["wrapped"] == "1":
            we += 1; wf += flagged
    elapsed = time.perf_counter() - start
    server_part = f" server_median_us={statistics.median(server):.1f}" if server else " server_median_us=n/a"
    print(f"rspamd messages={len(rows)} median_us={statistics.median(round_trips):.1f} mean_us={statistics.mean(round_trips):.1f}"
          f"{server_part} msgs_per_s={len(rows) / elapsed:.0f} tp={tp} fp={fp} fn={fn} tn={tn} wrapped_found={wf}/{we}")

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
