"""Fusion: one incident told several times becomes one event (within an article, across sources)."""
