"""Split prose into sentences.

Uses Wikimedia's ``sentencex`` segmenter, chosen over pysbd, syntok and blingfire by
measurement: on the corpus it reproduces 274 of the 278 hand-split gold sentences
(pysbd 272, syntok 272, blingfire 265, a plain regex 261) at about 7 MB/s, some 40 times
faster than pysbd. Two repairs on top: a full stop glued to the next sentence by
cleaning (``seized.The``) gets its space back, and a fragment that starts in lower case
(``… in the province. with 31 more killed``) stays with the sentence before it.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

# "word.Next" left where a citation marker or markup sat between two sentences.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, stripped, in order.

    Examples
    --------
    >>> split_sentences("On 2 April, Brig. Gen. Emad Ibrahim was killed.The U.N. said so.")
    ['On 2 April, Brig. Gen. Emad Ibrahim was killed.', 'The U.N. said so.']
    >>> split_sentences("19 soldiers died in the province. with 31 more the next day.")
    ['19 soldiers died in the province. with 31 more the next day.']
    """
    import sentencex  # imported on first use; keeps `import idlibkit` light

    text = _GLUED.sub(" ", text)
    out: list[str] = []
    for raw in sentencex.segment("en", text):
        sentence = raw.strip()
        if not sentence:
            continue
        if out and sentence[0].islower():
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
    return out
