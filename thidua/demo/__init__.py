"""The illustrative year of `make run` (`thidua load_demo`): the department
(`organization.py`), then one module per chapter of the year, in the order the story
happens (`management/commands/load_demo.STORY`). Above every app, so the apps never
import each other for the demo."""
