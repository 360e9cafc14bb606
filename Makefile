# Entry points of the xspy demo stack: the Java CDK app in infra-cdk/ and the three Lambda
# functions in lambdas/{ts,py,go}. PROFILE and REGION, when given, select the AWS profile/region:
#   make deploy PROFILE=dev REGION=eu-central-1
#   make deploy TRACING=otel TRANSACTION_SEARCH=true
#   make traffic N=20 INTERVAL=2

SHELL := bash
.DEFAULT_GOAL := help

CDK_VERSION := 2.1148.1
PROFILE ?=
REGION ?=
N ?= 10
INTERVAL ?= 5
# extra arguments for the cdk CLI, e.g. CDK_ARGS='-c lambdasDir=/elsewhere/lambdas'
CDK_ARGS ?=

# jsii (under the Java CDK) runs on Node 20 but prints large warnings about it.
export JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION := 1
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION := 1
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
# sub-makes and scripts read these from the environment
export PROFILE REGION

CDK := cd infra-cdk && $(if $(REGION),AWS_REGION=$(REGION) AWS_DEFAULT_REGION=$(REGION)) \
	npx --yes aws-cdk@$(CDK_VERSION)
# TRACING=xray|otel and TRANSACTION_SEARCH=true become the app's context (infra-cdk/README.md)
CDK_OPTS := $(if $(PROFILE),--profile $(PROFILE)) $(if $(TRACING),-c tracing=$(TRACING)) \
	$(if $(TRANSACTION_SEARCH),-c transactionSearch=$(TRANSACTION_SEARCH)) $(CDK_ARGS)

.PHONY: help build demo test tools bench screenshots lambdas lambdas-test synth bootstrap deploy destroy \
	fastdeploy-ts fastdeploy-py fastdeploy-go traffic stack-test install uninstall local

help:
	@echo "demo          build xspy and open it on the embedded demo world"
	@echo "build         build app/target/xspy.jar and its launcher app/target/xspy"
	@echo "install       install xspy into PREFIX (~/.local): PREFIX/bin/xspy, PREFIX/lib/xspy/"
	@echo "uninstall     remove what install put into PREFIX"
	@echo "test          every test: the three functions, then mvn -B verify --fail-at-end (app, CDK, end-to-end)"
	@echo "bench         run the benchmarks (ONLY=regex of bench/runs.tsv ids, BUSY=1), rewrite the README's table"
	@echo "lambdas       build lambdas/{ts,py,go}/dist"
	@echo "lambdas-test  run the tests of the three functions"
	@echo "synth         build the functions and synthesize the xraystarter stack (TRACING=otel, TRANSACTION_SEARCH=true)"
	@echo "bootstrap     cdk bootstrap the account/region (once)"
	@echo "deploy        build the functions and deploy the stack"
	@echo "destroy       delete the stack, its bucket objects, table and log groups"
	@echo "fastdeploy-X  update only the code of function X (ts, py, go)"
	@echo "traffic       upload N (10) objects, one every INTERVAL (5) seconds"
	@echo "stack-test    unit tests of the CDK stack and the traffic script"
	@echo "local         the three real functions on this machine into xspy: N, INTERVAL, IDLE, TRACING=xray|otel, EXPORT=PATH"

lambdas:
	$(MAKE) -C lambdas/ts build
	$(MAKE) -C lambdas/py build
	$(MAKE) -C lambdas/go build

lambdas-test:
	$(MAKE) -C lambdas/ts test
	$(MAKE) -C lambdas/py test
	$(MAKE) -C lambdas/go test

synth: lambdas
	$(CDK) synth $(CDK_OPTS)

bootstrap:
	$(CDK) bootstrap $(CDK_OPTS)

deploy: lambdas
	$(CDK) deploy --require-approval never $(CDK_OPTS)

# cdk synthesizes the app before destroying, and the app needs the functions' dist folders.
destroy: lambdas
	$(CDK) destroy --force $(CDK_OPTS)

fastdeploy-ts:
	$(MAKE) -C lambdas/ts fastdeploy

fastdeploy-py:
	$(MAKE) -C lambdas/py fastdeploy

fastdeploy-go:
	$(MAKE) -C lambdas/go fastdeploy

traffic:
	infra-cdk/scripts/traffic.sh --count $(N) --interval $(INTERVAL)

stack-test:
	mvn -B -pl infra-cdk -am verify

# ---- xspy itself ------------------------------------------------------------------------------

JAR := app/target/xspy.jar
TOOLS := .tools/venv

# The jar is a real target: rebuilt only when a pom or something under app/src/main changed (the
# folders count too, so a deleted file rebuilds), so a second `make demo` starts at once.
APP_SOURCES := pom.xml app/pom.xml $(shell find app/src/main 2>/dev/null)

# A build this short runs about twice as fast (half the CPU) on the C1 compiler alone and the serial collector.
$(JAR): export MAVEN_OPTS := -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $(MAVEN_OPTS)
$(JAR): $(APP_SOURCES)
	mvn -B -q -pl app -am package -Dmaven.test.skip=true

build: $(JAR)

# The launcher, the jar and a class-data-sharing archive made for the installed jar (the archive records
# the jar's path, so it is made again here), with PREFIX/bin/xspy a symlink to the launcher.
PREFIX ?= $(HOME)/.local
XSPY_LIB = $(PREFIX)/lib/xspy

install: build
	mkdir -p $(XSPY_LIB) $(PREFIX)/bin
	cp $(JAR) $(XSPY_LIB)/xspy.jar
	sh app/src/main/sh/xspy-archive $(XSPY_LIB)
	ln -sfn ../lib/xspy/xspy $(PREFIX)/bin/xspy
	@echo "installed $(PREFIX)/bin/xspy"

uninstall:
	rm -f $(PREFIX)/bin/xspy $(XSPY_LIB)/xspy $(XSPY_LIB)/xspy.jar $(XSPY_LIB)/xspy.jsa
	if [ -d $(XSPY_LIB) ]; then rmdir $(XSPY_LIB); fi

demo: build
	app/target/xspy --demo

# The AWS CLI and moto's server, in a virtual environment of their own, for the serve/AWS tests, and
# the OpenTelemetry Python SDK for the OTLP receiver's tests.
$(TOOLS)/.installed: tools/requirements.txt
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check -r tools/requirements.txt
	touch $@

# The OpenTelemetry Node SDK for the tests of xspy's OTLP receiver, at the versions package-lock.json pins.
OTEL_NODE := app/src/test/otel-node
$(OTEL_NODE)/node_modules/.installed: $(OTEL_NODE)/package.json $(OTEL_NODE)/package-lock.json
	npm ci --prefix $(OTEL_NODE) --no-audit --no-fund --loglevel=error
	touch $@

tools: $(TOOLS)/.installed $(OTEL_NODE)/node_modules/.installed

# Every part runs even when one fails, and the exit status says whether all passed: a broken function
# test does not hide Maven's results, and --fail-at-end keeps one Maven module from hiding another's.
# (SUBMAKE rather than $(MAKE) in the recipe, so that `make -n test` prints it and runs nothing.)
# The last line gives the time of each part (issue 13 asks for the split), tools included.
SUBMAKE = $(MAKE)
test: TEST_STARTED := $(shell date +%s)
test: tools
	failed=; took="tools $$(( $$(date +%s) - $(TEST_STARTED) )) s"; \
	for fn in ts py go; do \
	  t=$$SECONDS; $(SUBMAKE) -C lambdas/$$fn test || failed="$$failed lambdas/$$fn"; \
	  took="$$took, lambdas/$$fn $$((SECONDS - t)) s"; \
	done; \
	t=$$SECONDS; PATH="$(CURDIR)/$(TOOLS)/bin:$$PATH" mvn -B verify --fail-at-end || failed="$$failed mvn"; \
	echo "make test: $$took, maven $$((SECONDS - t)) s; total $$(( $$(date +%s) - $(TEST_STARTED) )) s"; \
	if [ -n "$$failed" ]; then echo "make test: failed:$$failed" >&2; exit 1; fi

# Every run of bench/runs.tsv (or those whose id matches ONLY, a regex; BUSY=1 runs them beside two CPU
# burners), each stored in bench/results/, then the README's table rewritten from all stored results.
ONLY ?=
BUSY ?=
bench: build
	mvn -B -q -pl bench -am package -DskipTests
	ONLY='$(ONLY)' BUSY='$(BUSY)' bench/run.sh

# PNG pictures of every screen, drawn from the real UI on a virtual terminal over the demo world
screenshots: build
	java -Djava.awt.headless=true -cp $(JAR) io.xspy.tui.Screenshots screenshots/
	java -Djava.awt.headless=true -cp $(JAR) io.xspy.cli.ShellScreenshot screenshots/

# ---- make local: the real functions on this machine, into xspy (scripts/local/local.py) ----------

IDLE ?=
EXPORT ?=
LOCAL_GO := target/local/go/bootstrap
LOCAL_VENV := target/local/venv

# What make local needs is built side by side: xspy's jar, the driver's venv and each function are
# independent, and each is built only when missing or older than its sources (a second run builds nothing).
ifeq ($(MAKECMDGOALS),local)
MAKEFLAGS += -j6
endif

# The Go function built for this machine (make lambdas builds it for Lambda's arm64).
$(LOCAL_GO): $(wildcard lambdas/go/*.go) lambdas/go/go.mod lambdas/go/go.sum
	cd lambdas/go && CGO_ENABLED=0 go build -tags lambda.norpc -o $(CURDIR)/$(LOCAL_GO) .

# The driver's Python: boto3 and moto's DynamoDB server, nothing else (the tools venv's AWS CLI, all of
# moto's services and the OpenTelemetry SDK take longer to install than the rest of make local builds).
# --no-compile: Python compiles what it imports when it first imports it.
$(LOCAL_VENV)/.installed: scripts/local/requirements.txt
	python3 -m venv $(LOCAL_VENV)
	$(LOCAL_VENV)/bin/pip install --quiet --disable-pip-version-check --no-compile -r scripts/local/requirements.txt
	touch $@

# The deployed code, built by the functions' own make targets when missing or older than their sources
# (one npm build makes both bundles; the Python build keeps app.py's time, hence the touch). TRACING=otel
# also needs the Node otel bundle and the Python dev venv with the ADOT layer's stand-in.
TS_SOURCES := $(wildcard lambdas/ts/src/*.ts lambdas/ts/scripts/*.ts) lambdas/ts/package.json lambdas/ts/package-lock.json
lambdas/ts/dist/index.js lambdas/ts/dist-otel/index.js &: $(TS_SOURCES)
	$(MAKE) -C lambdas/ts build
lambdas/py/dist/app.py: lambdas/py/app.py lambdas/py/requirements.txt
	$(MAKE) -C lambdas/py build
	touch $@
lambdas/py/.venv/bin/opentelemetry-instrument: lambdas/py/requirements-dev.txt
	$(MAKE) -C lambdas/py deps
LOCAL_OTEL := $(if $(filter otel,$(TRACING)),lambdas/ts/dist-otel/index.js lambdas/py/.venv/bin/opentelemetry-instrument)

# (the longest first: make starts them in this order)
local: build $(LOCAL_OTEL) $(LOCAL_VENV)/.installed lambdas/ts/dist/index.js $(LOCAL_GO) lambdas/py/dist/app.py
	$(LOCAL_VENV)/bin/python scripts/local/local.py --count $(N) --interval $(INTERVAL) --tracing $(or $(TRACING),xray) \
		$(if $(IDLE),--idle $(IDLE)) $(if $(EXPORT),--export $(EXPORT))
