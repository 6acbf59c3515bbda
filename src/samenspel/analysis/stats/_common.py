"""Small helpers shared by the statistics modules (private).

Every public statistic takes plain arrays with NaN for a missing answer and
returns NaN plus a readable warning when there is too little data, so the
analysis never crashes on a thin measurement round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
NAN = float("nan")


def as_vector(values: ArrayLike, name: str = "values") -> FloatArray:
    """Return `values` as a 1-D float array (NaN kept); ValueError on wrong shape."""
    arr = np.asarray(values, dtype=float)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    return arr


def as_matrix(data: ArrayLike, name: str = "data") -> FloatArray:
    """Return `data` as a 2-D float array (NaN kept); ValueError on wrong shape."""
    arr = np.asarray(data, dtype=float)
    if arr.ndim != 2:
        raise ValueError(f"{name} must be two-dimensional (rows x columns), got shape {arr.shape}")
    return arr


def drop_missing(values: ArrayLike, name: str = "values") -> FloatArray:
    """1-D float array without NaN entries."""
    arr = as_vector(values, name)
    return arr[~np.isnan(arr)]


def split_groups(
    values: ArrayLike, groups: Sequence[Any] | ArrayLike
) -> tuple[list[Any], list[FloatArray]]:
    """Group the non-missing `values` by label, labels in order of first appearance.

    A value is dropped when it is NaN or its label is None/NaN.
    """
    vals = as_vector(values, "values")
    labels = list(np.asarray(groups, dtype=object).ravel())
    if len(labels) != vals.size:
        raise ValueError(f"values ({vals.size}) and groups ({len(labels)}) differ in length")
    present = ~np.isnan(vals)
    keep = [bool(ok) and not _is_missing_label(label) for ok, label in zip(present.tolist(), labels)]
    order = list(dict.fromkeys(label for label, ok in zip(labels, keep) if ok))
    code = {label: i for i, label in enumerate(order)}
    codes = np.array([code[label] if ok else -1 for label, ok in zip(labels, keep)], dtype=np.int64)
    return order, [vals[codes == i] for i in range(len(order))]


def _is_missing_label(label: Any) -> bool:
    if label is None:
        return True
    if isinstance(label, (str, int)):
        return False
    if isinstance(label, float):
        return label != label
    try:
        return bool(np.isnan(label))
    except (TypeError, ValueError):
        return False


def join_warnings(parts: Iterable[str]) -> str | None:
    """Join warning fragments with '; ', or None when there are none."""
    kept = [p for p in parts if p]
    return "; ".join(kept) if kept else None


def distinct(values: ArrayLike) -> np.ndarray:
    """The sorted distinct values of a 1-D integer or finite float array (= ``np.unique``).

    ``np.unique`` without indices or counts (numpy 2.4) asks ``np.ma`` whether the
    array is masked, and loading ``numpy.ma`` costs a command some 10-30 ms; this
    sorts and keeps each run's first value instead.
    """
    s = np.sort(np.asarray(values), axis=None)
    if s.size == 0:
        return s
    keep = np.empty(s.size, dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]
