#!/usr/bin/env python3
"""Holds connections open against a server while a benchmark measures it.

    hold_connections.py PORT IDLE SLOW SECONDS

IDLE connections each send one GET /healthz, read the answer and then stay open, idle (HTTP/1.1 keep-alive).
SLOW connections are slowloris clients: they send a request header one byte a second and never finish it; when the
server cuts one off (its header timeout), it is opened again, so SLOW of them are always held. Prints how many of
each are open every five seconds, and exits after SECONDS.
"""
import selectors
import socket
import sys
import time

port, idle_count, slow_count, seconds = (int(arg) for arg in sys.argv[1:5])
request = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"
slow_header = b"GET /healthz HTTP/1.1\r\nHost: bench\r\nX-Slow: " + b"a" * 10_000

selector = selectors.DefaultSelector()
idle = []
for _ in range(idle_count):
    connection = socket.create_connection(("127.0.0.1", port))
    connection.sendall(request)
    idle.append(connection)
for connection in idle:
    connection.settimeout(10)
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += connection.recv(4096)

slow = {}  # socket -> bytes sent


def open_slow():
    connection = socket.create_connection(("127.0.0.1", port))
    connection.setblocking(False)
    slow[connection] = 0


for _ in range(slow_count):
    open_slow()

start = time.monotonic()
last_report = 0.0
while time.monotonic() - start < seconds:
    for connection in list(slow):
        try:
            connection.send(slow_header[slow[connection]:slow[connection] + 1])
            slow[connection] += 1
        except OSError:
            connection.close()
            del slow[connection]
            open_slow()
    alive_idle = 0
    for connection in idle:
        try:
            connection.setblocking(False)
            data = connection.recv(1)
            alive_idle += 0 if data == b"" else 1
        except BlockingIOError:
            alive_idle += 1
        except OSError:
            pass
    if time.monotonic() - last_report >= 5:
        print(f"holding {alive_idle} idle and {len(slow)} slowloris connections", flush=True)
        last_report = time.monotonic()
    time.sleep(1)
