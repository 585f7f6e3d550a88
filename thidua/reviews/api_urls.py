from thidua.api.routers import Router
from thidua.reviews.api import ReviewViewSet

router = Router()
router.register("reviews", ReviewViewSet, basename="api-reviews")

urlpatterns = router.urls
