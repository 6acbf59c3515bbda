"""Mail without an SMTP server: printed to the console, with every personal link redacted.

With no ``SAMENSPEL_SMTP_HOST`` the invitations and reminders go to stdout
(Django's console backend), which usually ends up in a service's log. A
personal link is the only key to a respondent's answers, so the token in
``/r/<token>/`` is replaced the same way the logging filter does it; the
facilitator finds the links on the links page. Everything else in the mail
is printed as sent, so a developer can still see what would go out.
"""

from __future__ import annotations

from email.message import Message

from django.core.mail.backends.console import EmailBackend

from samenspel.web.logfilter import redact


class RedactingConsoleBackend(EmailBackend):
    """Django's console backend, with ``/r/<token>`` replaced by ``/r/[token]`` in what it prints."""

    def write_message(self, message) -> None:  # type: ignore[no-untyped-def]
        msg = message.message()
        msg_data = msg.as_bytes()
        charset = msg.get_charset().get_output_charset() if msg.get_charset() else "utf-8"
        text = self._decoded(msg, msg_data.decode(charset))
        self.stream.write(f"{redact(text)}\n")
        self.stream.write("-" * 79)
        self.stream.write("\n")

    @staticmethod
    def _decoded(msg: Message, raw: str) -> str:
        """The message with each text part decoded, so a link in a base64 or quoted-printable body is found."""
        headers = raw.split("\n\n", 1)[0]
        parts = []
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    parts.append(payload.decode(part.get_content_charset() or "utf-8", "replace"))
        return headers + "\n\n" + "\n".join(parts)
