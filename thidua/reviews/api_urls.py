from rest_framework.routers import SimpleRouter

from thidua.reviews.api import ReviewViewSet

router = SimpleRouter()
router.register("reviews", ReviewViewSet, basename="api-reviews")

urlpatterns = router.urls
