"""Chrome removal: label blocks as article or a chrome kind and cut the chrome out.

:func:`strip` takes a :class:`~credscore.segment.Segmented` document and returns a
:class:`~credscore.chrome.classify.Stripped`: the cleaned text, the removed blocks
with their kinds, and any repairs.
"""

from .classify import Stripped, label_blocks, strip
from .lexicon import KINDS

__all__ = ["KINDS", "Stripped", "label_blocks", "strip"]
