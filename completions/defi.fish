function __defi_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __defi_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __defi_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __defi_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __defi_parse_tokens -S
    set -l unparsed_tokens (__defi_tokens -pc)
    switch $unparsed_tokens[1]
    case 'defi'
        __defi_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'scan'
            __defi_parse_subcommand 0 'strategies=' 'min-profit=' 'max-hops=' 'watch' 'state=' 'save-state=' 'gas-price=' 'no-record' 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
        case 'quote'
            __defi_parse_subcommand 3 'exact-out' 'venues=' 'state=' 'save-state=' 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
        case 'simulate'
            __defi_parse_subcommand 1 'state-override=' 'from=' 'engine=' 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
        case 'execute'
            __defi_parse_subcommand 1 'dry-run' 'engine=' 'private' 'confirmations=' 'deadline=' 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
        case 'liquidate'
            __defi_parse_subcommand 0 'protocol=' 'dry-run' 'max-liquidations=' 'deadline=' 'min-profit=' 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
        case 'pnl'
            __defi_parse_subcommand 0 'by=' 'since=' 'until=' 'strategy=' 'status=' 'chart' 'performance' 'risk' 'optimize=+' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
        case 'register-strategy'
            __defi_parse_subcommand 2 'deploy=' 'list' 'remove' 'executor=' 'dry-run' 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
        case 'deploy'
            __defi_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'executor'
                __defi_parse_subcommand 0 'artifacts=' 'write-config=' 'dry-run' 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            end
        case 'wallet'
            __defi_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'new'
                __defi_parse_subcommand 1 'keystore-dir=' 'password-file=' 'scrypt-n=' 'scrypt-r=' 'scrypt-p=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'import'
                __defi_parse_subcommand 1 'private-key-file=' 'keystore-dir=' 'password-file=' 'scrypt-n=' 'scrypt-r=' 'scrypt-p=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'address'
                __defi_parse_subcommand 0 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'list'
                __defi_parse_subcommand 0 'keystore-dir=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'sign-message'
                __defi_parse_subcommand 1 'hex' 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'sign-typed-data'
                __defi_parse_subcommand 1 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'checksum'
                __defi_parse_subcommand 1 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            end
        case 'abi'
            __defi_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'encode'
                __defi_parse_subcommand -r 2 'no-selector' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'decode'
                __defi_parse_subcommand 2 'input' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'selector'
                __defi_parse_subcommand 1 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'keccak'
                __defi_parse_subcommand 1 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            end
        case 'tx'
            __defi_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'decode'
                __defi_parse_subcommand 1 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'sign'
                __defi_parse_subcommand 1 'to=' 'value=' 'data=' 'nonce=' 'gas-limit=' 'gas-price=' 'max-fee=' 'priority-fee=' 'chain-id=' 'type=' 'access-list=' 'keystore=' 'password-file=' 'private-key-file=' 'from=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            end
        case 'config'
            __defi_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __defi_parse_subcommand 0 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'check'
                __defi_parse_subcommand 0 'r/rpc-url=' 'chain=' 'block=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            end
        case 'history'
            __defi_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __defi_parse_subcommand 0 'since=' 'until=' 'strategy=' 'status=' 'limit=' 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            case 'show'
                __defi_parse_subcommand 1 'config=' 'db=' 'json' 'csv' 'q/quiet' 'v/verbose' 'color=' 'version' 'h/help'
            end
        case 'help'
            __defi_parse_subcommand -r 1 'version'
        end
    end
end

function __defi_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __defi_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __defi_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __defi_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__defi_tokens -p)
    if test -z "$(__defi_tokens -t)"
        set -l index (count (__defi_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'defi' -f
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'scan' -d 'Scan venues for opportunities at one block.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'quote' -d 'Quote a swap across the configured venues.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'simulate' -d 'Simulate an opportunity, a plan file, or a raw or unsigned transaction.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'execute' -d 'Execute an opportunity or plan: simulate, check risk caps, sign, send, and wait.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'liquidate' -d 'Find unhealthy lending positions and liquidate the profitable ones.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'pnl' -d 'Report profit and loss from the history store.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'register-strategy' -d 'Register a strategy contract, deploy one from an artifact, or list and remove them.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'deploy' -d 'Deploy the project\'s contracts.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'wallet' -d 'Create, import and use keystores.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'abi' -d 'Encode and decode ABI data, compute selectors and Keccak-256.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'tx' -d 'Decode and sign raw transactions.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'config' -d 'Show or check the effective configuration.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'history' -d 'Browse recorded opportunities and executions.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" strategies' -l 'strategies' -d 'Strategies to run, comma-separated (spatial,triangular,statistical).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" min-profit' -l 'min-profit' -d 'Minimum net profit to report, such as 10usd or 0.01ether.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" max-hops' -l 'max-hops' -d 'Longest route to consider.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" watch' -l 'watch' -d 'Keep scanning every new block until interrupted.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" state' -l 'state' -d 'Scan a saved market state instead of the node.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" save-state' -l 'save-state' -d 'Save the market state scanned.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" gas-price' -l 'gas-price' -d 'Gas price for an offline scan, such as 30gwei (live scans project it).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" no-record' -l 'no-record' -d 'Do not record the opportunities in the history store.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi scan" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" exact-out' -l 'exact-out' -d 'Treat the amount as the exact output wanted.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" venues' -l 'venues' -d 'Venues to ask, comma-separated (default: all configured; 1inch and 0x when their API keys are set).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" state' -l 'state' -d 'Quote from a saved market state instead of the node.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" save-state' -l 'save-state' -d 'Save the market state read for this quote.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi quote" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi simulate" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" state-override' -l 'state-override' -d 'State overrides to apply (eth_call format).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" from' -l 'from' -d 'The sender (default: the executor\'s owner; the signer of a raw transaction).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" engine' -l 'engine' -d 'How to fund an opportunity.' -rfka 'auto capital flash-loan flash-swap'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi simulate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi execute" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" dry-run' -l 'dry-run' -d 'Do everything except broadcast.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" engine' -l 'engine' -d 'How to fund the trade.' -rfka 'auto capital flash-loan flash-swap'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" private' -l 'private' -d 'Send privately (a bundle to a builder) instead of the public mempool.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" confirmations' -l 'confirmations' -d 'Blocks to wait for after inclusion.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" deadline' -l 'deadline' -d 'Give up if not included within this many seconds.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi execute" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" protocol' -l 'protocol' -d 'Which lending protocols to watch.' -rfka 'aave compound maker all'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" dry-run' -l 'dry-run' -d 'Find and simulate, but do not send.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" max-liquidations' -l 'max-liquidations' -d 'Stop after this many liquidations.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" deadline' -l 'deadline' -d 'Start no new liquidation this many seconds after the run began.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" min-profit' -l 'min-profit' -d 'Minimum net profit per liquidation (10usd, 0.01ether).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi liquidate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" by' -l 'by' -d 'Group rows by period or dimension.' -rfka 'day week month strategy venue token chain'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" since' -l 'since' -d 'Start: a date (2026-01-01), a duration back (7d) or a block number.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" until' -l 'until' -d 'End (exclusive): a date, a duration back or a block number.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" strategy' -l 'strategy' -d 'Only this strategy.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" status' -l 'status' -d 'Only records with this status (included, reverted, dropped…).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" chart' -l 'chart' -d 'Draw a cumulative P&L chart (human output only).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" performance' -l 'performance' -d 'Add performance metrics: Sharpe, drawdown, win rate.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" risk' -l 'risk' -d 'Add the risk report: exposure, daily loss against the cap, VaR, open positions.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl"' -l 'optimize' -d 'Search a parameter over a range, such as min_spread_bps=5..50 (repeatable).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi pnl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" deploy' -l 'deploy' -d 'Deploy from a compiled artifact (abi + bytecode JSON).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" list' -l 'list' -d 'List registered strategies.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" remove' -l 'remove' -d 'Remove the named strategy.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" executor' -l 'executor' -d 'The executor (FlashLoans) address; falls back to defi.execution.flash_loan.contract_address.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" dry-run' -l 'dry-run' -d 'Simulate every owner transaction; send nothing and record nothing.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi register-strategy" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi deploy" -eq 1' -fa 'executor' -d 'Deploy the executor (FlashLoans) and the Arbitrage and Liquidator strategies, wired and registered.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" artifacts' -l 'artifacts' -d 'The folder with the compiled artifacts.' -rfa '(__defi_complete_directories)'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" write-config' -l 'write-config' -d 'Write defi.execution.flash_loan.contract_address into this config file (created if absent; comments are not kept).' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" dry-run' -l 'dry-run' -d 'Simulate the deployments; send nothing and record nothing.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi deploy executor" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet" -eq 1' -fa 'new' -d 'Create a new key in an encrypted keystore and print its address.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet" -eq 1' -fa 'import' -d 'Import a private key (from a file, DEFI_PRIVATE_KEY or stdin) into a keystore; print its address.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet" -eq 1' -fa 'address' -d 'Show the address of the selected signer.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet" -eq 1' -fa 'list' -d 'List keystores and their addresses.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet" -eq 1' -fa 'sign-message' -d 'Sign a message (EIP-191 personal_sign); print the 65-byte signature.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet" -eq 1' -fa 'sign-typed-data' -d 'Sign EIP-712 typed data from a JSON file; print the signature, then the digest.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet" -eq 1' -fa 'checksum' -d 'Print an address with its EIP-55 checksum.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" keystore-dir' -l 'keystore-dir' -d 'Where keystores live (default $XDG_DATA_HOME/defi/keystores, else ~/.local/share/defi/keystores).' -rfa '(__defi_complete_directories)'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" password-file' -l 'password-file' -d 'A file holding the new password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" scrypt-n' -l 'scrypt-n' -d 'scrypt N (a power of two); lower values are faster and weaker.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" scrypt-r' -l 'scrypt-r' -d 'scrypt r.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" scrypt-p' -l 'scrypt-p' -d 'scrypt p.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet new" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" private-key-file' -l 'private-key-file' -d 'A file holding the 0x-hex private key; else DEFI_PRIVATE_KEY, else stdin.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" keystore-dir' -l 'keystore-dir' -d 'Where keystores live (default $XDG_DATA_HOME/defi/keystores, else ~/.local/share/defi/keystores).' -rfa '(__defi_complete_directories)'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" password-file' -l 'password-file' -d 'A file holding the new password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" scrypt-n' -l 'scrypt-n' -d 'scrypt N (a power of two); lower values are faster and weaker.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" scrypt-r' -l 'scrypt-r' -d 'scrypt r.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" scrypt-p' -l 'scrypt-p' -d 'scrypt p.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet address" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list" keystore-dir' -l 'keystore-dir' -d 'Where keystores live (default $XDG_DATA_HOME/defi/keystores, else ~/.local/share/defi/keystores).' -rfa '(__defi_complete_directories)'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" hex' -l 'hex' -d 'The message is 0x-hex bytes to sign as they are.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-message" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi wallet sign-typed-data" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet sign-typed-data" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet checksum" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet checksum" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet checksum" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet checksum"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet checksum" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet checksum" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi wallet checksum" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi abi" -eq 1' -fa 'encode' -d 'ABI-encode a function call or arguments.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi abi" -eq 1' -fa 'decode' -d 'ABI-decode call data or return data.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi abi" -eq 1' -fa 'selector' -d 'Print the 4-byte selector of a function or error, or topic0 of "event Name(...)".'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi abi" -eq 1' -fa 'keccak' -d 'Keccak-256 of text or 0x-hex bytes.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode" no-selector' -l 'no-selector' -d 'Leave out the 4-byte selector (like cast abi-encode).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi encode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode" input' -l 'input' -d 'Decode as call input (with a 4-byte selector) instead of return data.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi decode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi selector" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi selector" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi selector" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi selector"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi selector" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi selector" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi selector" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi keccak" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi keccak" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi keccak" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi keccak"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi keccak" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi keccak" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi abi keccak" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi tx" -eq 1' -fa 'decode' -d 'Decode a raw signed transaction (legacy, EIP-2930 or EIP-1559).'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi tx" -eq 1' -fa 'sign' -d 'Sign a transaction offline; print the raw transaction and its hash.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx decode" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx decode" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx decode" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx decode"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx decode" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx decode" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx decode" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi tx sign" -eq 1' -fa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" to' -l 'to' -d 'The recipient (none creates a contract).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" value' -l 'value' -d 'The value: wei, 0x-hex wei, or with a unit (1.5ether).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" data' -l 'data' -d 'The 0x-hex call data.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" nonce' -l 'nonce' -d 'The sender nonce.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" gas-limit' -l 'gas-limit' -d 'The gas limit.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" gas-price' -l 'gas-price' -d 'The gas price for types 0 and 1 (30gwei).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" max-fee' -l 'max-fee' -d 'The EIP-1559 max fee per gas.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" priority-fee' -l 'priority-fee' -d 'The EIP-1559 max priority fee per gas.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" chain-id' -l 'chain-id' -d 'The EIP-155 chain id.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" type' -l 'type' -d '0 legacy, 1 EIP-2930, 2 EIP-1559 (default 2, or 0 with only --gas-price).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" access-list' -l 'access-list' -d 'The access list as JSON: [{"address":…,"storageKeys":[…]}].' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" keystore' -l 'keystore' -d 'A keystore file, or a keystore name in the keystore directory.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" password-file' -l 'password-file' -d 'A file holding the keystore password; else DEFI_PASSWORD, else a prompt.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" private-key-file' -l 'private-key-file' -d 'A file holding a 0x-hex private key; else DEFI_PRIVATE_KEY.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" from' -l 'from' -d 'The expected signer address (checked); falls back to ETH_FROM.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi tx sign" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi config" -eq 1' -fa 'show' -d 'Print the effective configuration (YAML, or --json / --csv) with secrets redacted.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi config" -eq 1' -fa 'check' -d 'Validate the configuration (file, env and flags); exit 0 or 2.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" r rpc-url' -s 'r' -l 'rpc-url' -d 'The JSON-RPC endpoint; falls back to ETH_RPC_URL, then defi.rpc_url or the chain\'s rpc_urls in the config.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" chain' -l 'chain' -d 'The chain name from the config (defi.chains.<name>); falls back to DEFI_CHAIN.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" block' -l 'block' -d 'The block to read: a number, a 0x hash, or latest.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi config check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi history" -eq 1' -fa 'list' -d 'List recorded opportunities and executions.'
complete -c 'defi' -n '__defi_should_offer_completions_for_positional "defi history" -eq 1' -fa 'show' -d 'Show one recorded opportunity or execution.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" since' -l 'since' -d 'Start: a date (2026-01-01), a duration back (7d) or a block number.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" until' -l 'until' -d 'End (exclusive): a date, a duration back or a block number.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" strategy' -l 'strategy' -d 'Only this strategy.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" status' -l 'status' -d 'Only records with this status (detected, included, reverted, ...).' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" limit' -l 'limit' -d 'At most this many records, newest first.' -rfka ''
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" config' -l 'config' -d 'The config file; else DEFI_CONFIG, ./defi.yaml, $XDG_CONFIG_HOME/defi/defi.yaml, ~/.config/defi/defi.yaml.' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" db' -l 'db' -d 'The history database; falls back to DEFI_DB, then defi.history.db.' -rF
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" json' -l 'json' -d 'Print one JSON document (a versioned envelope) on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" csv' -l 'csv' -d 'Print tables as CSV on stdout.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" q quiet' -l 'quiet' -s 'q' -d 'Only errors on stderr.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show"' -l 'verbose' -s 'v' -d 'More detail on stderr; repeat for debug output (-vv).'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" color' -l 'color' -d 'Colour on stderr: auto (a terminal and NO_COLOR unset), always, or never.' -rfka 'auto always never'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" version' -l 'version' -d 'Show the version.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi history show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'defi' -n '__defi_should_offer_completions_for_flags_or_options "defi help" version' -l 'version' -d 'Show the version.'
