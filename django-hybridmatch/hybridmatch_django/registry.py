"""Which models are candidates and which are job offers: the Document classes the project registers."""
from django.core.exceptions import ImproperlyConfigured


class Registry:

    def __init__(self):
        self._by_model = {}

    def register(self, document_class):
        """Class decorator: registers one Document per model."""
        document = document_class()
        model = document.model._meta.concrete_model
        if model in self._by_model:
            raise ImproperlyConfigured(f'{model._meta.label} already has {self._by_model[model]!r}')
        self._by_model[model] = document
        return document_class

    def unregister(self, document_class):
        self._by_model = {m: d for m, d in self._by_model.items() if not isinstance(d, document_class)}

    def for_model(self, model):
        """The model's Document, None when it is not indexed."""
        return self._by_model.get(model._meta.concrete_model)

    def for_index(self, index):
        """The one Document whose rows an engine index holds (what match results are turned back into)."""
        found = [d for d in self._by_model.values() if d.entity.index == index]
        if len(found) != 1:
            raise ImproperlyConfigured(f"{len(found)} registered documents for index '{index}'; the search helpers "
                                       f"need exactly one: {found}")
        return found[0]

    def documents(self, labels=None):
        """All registered Documents, or those of these model labels ('app.Model', case-insensitive)."""
        documents = list(self._by_model.values())
        if not labels:
            return documents
        by_label = {d.model._meta.label_lower: d for d in documents}
        unknown = [label for label in labels if label.lower() not in by_label]
        if unknown:
            raise LookupError(f'not registered: {", ".join(unknown)}; registered: {", ".join(sorted(by_label))}')
        return [by_label[label.lower()] for label in labels]


registry = Registry()
