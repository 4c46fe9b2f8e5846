# The two commands of the README, and the habits around them.
#   make run   builds, creates the demo database clause9.db on first run, prints its summary
#   make test  builds with warnings as errors, runs every test, then again under ASan+UBSan

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CLAUSE9    := $(BUILD)/src/clause9
DB         ?= clause9.db

.PHONY: all deps build run test test-fast test-asan bench format lint clean

all: build

deps:
	@scripts/install-deps.sh test

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAUSE9_WERROR=ON

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@if [ ! -f "$(DB)" ]; then $(CLAUSE9) --db "$(DB)" demo; fi
	@$(CLAUSE9) --db "$(DB)" init >/dev/null
	@$(CLAUSE9) --db "$(DB)" summary

test: test-fast test-asan

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

$(ASAN_BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCLAUSE9_WERROR=ON -DCLAUSE9_SANITIZE=ON \
	  -DCLAUSE9_BENCH=OFF -DCMAKE_CXX_FLAGS=-O1

test-asan: deps $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -LE slow

bench: build
	bench/run-all.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

lint: build
	run-clang-tidy -p $(BUILD) -quiet $$(git ls-files 'src/*.cpp') 2>/dev/null || \
	  clang-tidy -p $(BUILD) --quiet $$(git ls-files 'src/*.cpp')
	cppcheck --quiet --enable=warning,performance --std=c++20 --suppress=missingIncludeSystem \
	  -I src $$(git ls-files 'src/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
