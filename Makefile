# sam build for IngestFunction and RedriveFunction (BuildMethod: makefile, CodeUri: .).
#
# aws-lambda-builders copies the repository, without .git and .aws-sam, to a scratch folder and
# runs `make --makefile Makefile build-<LogicalId>` there with ARTIFACTS_DIR set. This target
# compiles and packages without running a test or the format check (the test command is
# ./mvnw verify, which starts servers and has no business inside a deployment build), then lays
# the artifact out the way Lambda's Java runtime loads it: the classes at the root, the
# runtime-scope jars in lib/.
# SamBuildIT runs exactly this in a scratch copy and checks what it produces.
#
# Why not SAM's Maven builder: it runs `mvn clean install` from PATH with no way to skip the
# tests, so every deploy would run the integration suite; here the repository's wrapper pins Maven.

MVNW ?= ./mvnw
DEPENDENCY_PLUGIN ?= org.apache.maven.plugins:maven-dependency-plugin:3.8.1

ifndef ARTIFACTS_DIR
$(error ARTIFACTS_DIR is not set: sam build sets it; by hand pass ARTIFACTS_DIR=/some/dir)
endif

.PHONY: build-IngestFunction build-RedriveFunction

# Both functions are one artifact with different handlers. SAM never shares a makefile build between
# functions, so it runs this once per function, each in its own scratch copy.
build-IngestFunction build-RedriveFunction:
	$(MVNW) -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true clean package
	$(MVNW) -B -q $(DEPENDENCY_PLUGIN):copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true \
	  -DoutputDirectory="$(ARTIFACTS_DIR)/lib"
	cp -R target/classes/. "$(ARTIFACTS_DIR)/"
	# Lingua's jar carries n-gram models for 75 languages, 78 of its 80 MB: only those of English
	# and Japanese, the languages extract.LanguageDetection tells apart, ship (pom.xml, execution
	# lingua-models), which keeps the function and the Tesseract layer far under Lambda's 250 MB.
	for jar in "$(ARTIFACTS_DIR)"/lib/com.github.pemistahl.lingua-*.jar; do \
	  cp target/*-lingua-en-ja.jar "$$jar"; \
	done
