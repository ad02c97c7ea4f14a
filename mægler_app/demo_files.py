"""The one attachment demo data carries: a small real PDF receipt (laptop demo data and the demo server)."""

from __future__ import annotations

# A receipt as a broker attaches one; stored once under its SHA-256 however often it is attached.
RECEIPT_NAME = "kvittering-demo.pdf"
RECEIPT_MIME = "application/pdf"


def receipt_pdf() -> bytes:
    """A one-page PDF saying it is a demo receipt (valid: offsets in the cross-reference table are exact)."""
    text = "(Kvittering - demodata) Tj"
    stream = f"BT /F1 14 Tf 60 780 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
