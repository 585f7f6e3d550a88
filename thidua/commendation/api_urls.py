from django.urls import path

from thidua.commendation.api import EvaluateView

urlpatterns = [
    path("eligibility/evaluate", EvaluateView.as_view(), name="api_eligibility_evaluate"),
]
