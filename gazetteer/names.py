"""Flags of the index's name rows, best first: a place's own name, a curated name, any alternate
name, a demonym ("Russian" for Russia)."""
from __future__ import annotations

PRIMARY, CURATED, ALTERNATE, DEMONYM = 1, 2, 3, 4
