"""The trained profanity model that ships with ``alt-profanity-check``, read in plain Python.

The package is a TF-IDF vectorizer and five calibrated linear SVMs trained on about 200,000
human-labelled texts. Its own ``predict_prob`` goes through scikit-learn's input checks
and costs about 6 ms per call, more than the whole analysis may take while a parent types.
The model is linear, so the same figure is a sum over the words of the text: this module
reads the vocabulary, the IDF weights, the five classifiers' weights and their sigmoid
calibrations once, and computes the probability with a few dictionary look-ups. It also
gives each word's own weight, which says where in a text the profanity is
(``tests/core/test_tone.py`` holds the figures equal to the package's own).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # the vectorizer's own token pattern


@dataclass(frozen=True)
class WordModel:
    idf: dict[str, float]
    weights: dict[str, tuple[float, ...]]  # per word, one weight per classifier
    intercepts: tuple[float, ...]
    calibrations: tuple[tuple[float, float], ...]  # (a, b): p = 1 / (1 + exp(a * f + b))
    stop_words: frozenset[str]

    def probability(self, text: str) -> float:
        """The package's ``predict_prob([text])[0]``: how likely the text is profane."""
        counts = Counter(t for t in TOKEN.findall(text.lower())
                         if t not in self.stop_words and t in self.idf)
        tfidf = {word: n * self.idf[word] for word, n in counts.items()}
        norm = math.sqrt(sum(value * value for value in tfidf.values())) or 1.0
        total = 0.0
        for k, (a, b) in enumerate(self.calibrations):
            decision = self.intercepts[k] + sum(
                value / norm * self.weights[word][k] for word, value in tfidf.items())
            total += 1.0 / (1.0 + math.exp(a * decision + b))
        return total / len(self.calibrations)

    def word_weight(self, word: str) -> float:
        """The word's mean weight across the classifiers: above about 3, a swear word or
        a slur; 0 for a word the model does not know."""
        weights = self.weights.get(word.lower())
        return sum(weights) / len(weights) if weights else 0.0


@functools.cache
def word_model() -> WordModel:
    """Read once per process (about a second and a half, most of it importing the
    package's scikit-learn objects); every call after that is free."""
    from profanity_check import profanity_check as package  # type: ignore[import-untyped]

    vectorizer, model = package.vectorizer, package.model
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    idf = [float(x) for x in vectorizer.idf_]
    classifiers = model.calibrated_classifiers_
    columns = [[float(x) for x in c.estimator.coef_.ravel()] for c in classifiers]
    return WordModel(
        idf={word: idf[index] for word, index in vocabulary.items()},
        weights={word: tuple(column[index] for column in columns)
                 for word, index in vocabulary.items()},
        intercepts=tuple(float(c.estimator.intercept_[0]) for c in classifiers),
        calibrations=tuple((float(c.calibrators[0].a_), float(c.calibrators[0].b_))
                           for c in classifiers),
        stop_words=frozenset(vectorizer.get_stop_words()),
    )
