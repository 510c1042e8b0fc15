import operator
from functools import reduce

from django import forms
from django.db import connection
from django.db.models import Expression, Q

MAX_QUERY_LENGTH = 200
MAX_SQLITE_TERMS = 8


class StoredVector(Expression):
    """A tsvector column that PostgreSQL keeps by trigger and the model does not declare, so no article query ever
    loads it (migrations 0004 and 0005): search_document (headline, standfirst and body, weighted A, B, C; GIN-indexed
    for matching) and search_title (headline and standfirst only, small enough to rank matches without reading each
    whole-body vector)."""

    def __init__(self, column):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.column = column

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(self.column)}", []


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={"max_length": "Search for at most %(limit_value)d characters."},
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if "\x00" in query:
            raise forms.ValidationError("Search terms cannot contain a null character.")
        return query

    def search(self, articles):
        """Filter and order `articles` by the query: ranked full-text search on PostgreSQL, word matching elsewhere."""
        query = self.cleaned_data["q"]
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            search_query = SearchQuery(query, search_type="websearch", config="english")
            # Matches in the whole text; headline and standfirst matches first, each group newest first.
            return (
                articles.alias(document=StoredVector("search_document"))
                .filter(document=search_query)
                .annotate(rank=SearchRank(StoredVector("search_title"), search_query))
                .order_by("-rank", "-published_at")
            )
        terms = query.split()[:MAX_SQLITE_TERMS]
        matches = [Q(headline__icontains=t) | Q(standfirst__icontains=t) | Q(body__icontains=t) for t in terms]
        return articles.filter(reduce(operator.and_, matches))
