"""One JSON object per log line, with the request id when there is one."""

import json
import logging
import time


class JsonFormatter(logging.Formatter):
    FIELDS = ("request_id", "method", "path", "status", "duration_ms", "user")

    def format(self, record):
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in self.FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        request = getattr(record, "request", None)
        if request is not None and "request_id" not in entry:
            entry["request_id"] = getattr(request, "request_id", None)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class OncePerHost(logging.Filter):
    """A refused Host header is the client's mistake (or a scan), not the site's: logged once per host
    and process, at WARNING, without a traceback, instead of an ERROR with a traceback every time."""

    def __init__(self, name=""):
        super().__init__(name)
        self.seen = set()

    def filter(self, record):
        message = record.getMessage()
        if message in self.seen:
            return False
        if len(self.seen) < 1000:  # bounded: a scan of random hosts must not grow it for ever
            self.seen.add(message)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        return True
