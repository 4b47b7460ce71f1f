"""The risk badge's text, alone in a module with no imports: the client list's delegate loads
it on the GUI's start-up path."""


def badge_text(level: int) -> str:
    """The badge a client shows for a badge level (worst open severity × 1000 + how many
    open): one ▲ per severity step."""
    return "▲" * (level // 1000) if level else ""
