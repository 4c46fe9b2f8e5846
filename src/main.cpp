#include "cli/commands.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    try {
        return c9::run_cli(argc, argv);
    } catch (const std::exception& exception) {
        // Expected failures are values; reaching here is a bug. Say so plainly and fail.
        std::cerr << "clause9: internal error: " << exception.what() << '\n';
        return 1;
    }
}
