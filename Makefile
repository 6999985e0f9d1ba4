# Shorthands for tasks.py, which needs nothing but Python 3.11+.
.PHONY: lab test setup
lab:
	python3 tasks.py lab
test:
	python3 tasks.py test
setup:
	python3 tasks.py setup
