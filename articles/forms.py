import operator
from functools import reduce

from django import forms
from django.db import connection
from django.db.models import Q

MAX_QUERY_LENGTH = 200
MAX_SQLITE_TERMS = 8


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
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

            vector = (
                SearchVector("headline", weight="A")
                + SearchVector("standfirst", weight="B")
                + SearchVector("body", weight="C")
            )
            search_query = SearchQuery(query, search_type="websearch")
            return (
                articles.annotate(document=vector, rank=SearchRank(vector, search_query))
                .filter(document=search_query)
                .order_by("-rank", "-published_at")
            )
        terms = query.split()[:MAX_SQLITE_TERMS]
        matches = [Q(headline__icontains=t) | Q(standfirst__icontains=t) | Q(body__icontains=t) for t in terms]
        return articles.filter(reduce(operator.and_, matches))
