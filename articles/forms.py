import operator
from functools import reduce

from django import forms
from django.db import connection
from django.db.models import Expression, Q

MAX_QUERY_LENGTH = 200
MAX_SQLITE_TERMS = 8


class StoredSearchDocument(Expression):
    """PostgreSQL's articles_article.search_document: a weighted tsvector of headline, standfirst and body, kept
    current by a trigger and GIN-indexed (migration 0004). Matching is an index lookup, and ranking reads the stored
    vectors instead of parsing every body again. The model does not declare it, so no article query ever loads it."""

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(compiler.query.get_initial_alias())}.search_document", []


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

            document = StoredSearchDocument()
            search_query = SearchQuery(query, search_type="websearch", config="english")
            return (
                articles.alias(document=document)
                .filter(document=search_query)
                .annotate(rank=SearchRank(document, search_query))
                .order_by("-rank", "-published_at")
            )
        terms = query.split()[:MAX_SQLITE_TERMS]
        matches = [Q(headline__icontains=t) | Q(standfirst__icontains=t) | Q(body__icontains=t) for t in terms]
        return articles.filter(reduce(operator.and_, matches))
