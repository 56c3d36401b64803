#!/bin/bash

__defi_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__defi_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__defi_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__defi_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_defi() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __defi_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    scan|quote|simulate|execute|liquidate|pnl|register-strategy|wallet|abi|tx|config|history|help)
        # Offer subcommand argument completions
        "_defi_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'scan quote simulate execute liquidate pnl register-strategy wallet abi tx config history help' -- "${cur}"))
        ;;
    esac
}

_defi_scan() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--watch --no-record --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--strategies --min-profit --max-hops --state --save-state --gas-price -r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--strategies')
        return
        ;;
    '--min-profit')
        return
        ;;
    '--max-hops')
        return
        ;;
    '--state')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--save-state')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--gas-price')
        return
        ;;
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_quote() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--exact-out --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--venues --state --save-state -r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--venues')
        return
        ;;
    '--state')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--save-state')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_simulate() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--state-override --from --engine -r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--state-override')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--from')
        return
        ;;
    '--engine')
        __defi_add_completions -W 'auto'$'\n''capital'$'\n''flash-loan'$'\n''flash-swap'
        return
        ;;
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_defi_execute() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--dry-run --private --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--engine --confirmations --deadline --keystore --password-file --private-key-file --from -r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--engine')
        __defi_add_completions -W 'auto'$'\n''capital'$'\n''flash-loan'$'\n''flash-swap'
        return
        ;;
    '--confirmations')
        return
        ;;
    '--deadline')
        return
        ;;
    '--keystore')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--from')
        return
        ;;
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_defi_liquidate() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--dry-run --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--protocol --max-liquidations --deadline --min-profit --keystore --password-file --private-key-file --from -r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--protocol')
        __defi_add_completions -W 'aave'$'\n''compound'$'\n''maker'$'\n''all'
        return
        ;;
    '--max-liquidations')
        return
        ;;
    '--deadline')
        return
        ;;
    '--min-profit')
        return
        ;;
    '--keystore')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--from')
        return
        ;;
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_pnl() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--chart --performance --json --csv --quiet -q --version -h --help)
    repeating_options=(--optimize)
    non_repeating_options=(--by --since --until --strategy --status --config --db --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--by')
        __defi_add_completions -W 'day'$'\n''week'$'\n''month'$'\n''strategy'$'\n''venue'$'\n''token'$'\n''chain'
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--strategy')
        return
        ;;
    '--status')
        return
        ;;
    '--optimize')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_register-strategy() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--list --remove --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--deploy --keystore --password-file --private-key-file --from -r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--deploy')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--keystore')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--from')
        return
        ;;
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_wallet() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __defi_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    new|import|address|list|sign-message|sign-typed-data|checksum)
        # Offer subcommand argument completions
        "_defi_wallet_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'new import address list sign-message sign-typed-data checksum' -- "${cur}"))
        ;;
    esac
}

_defi_wallet_new() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore-dir --password-file --scrypt-n --scrypt-r --scrypt-p --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--keystore-dir')
        __defi_add_completions -d
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--scrypt-n')
        return
        ;;
    '--scrypt-r')
        return
        ;;
    '--scrypt-p')
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_wallet_import() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--private-key-file --keystore-dir --password-file --scrypt-n --scrypt-r --scrypt-p --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--keystore-dir')
        __defi_add_completions -d
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--scrypt-n')
        return
        ;;
    '--scrypt-r')
        return
        ;;
    '--scrypt-p')
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_wallet_address() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore --password-file --private-key-file --from --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--keystore')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--from')
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_wallet_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore-dir --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--keystore-dir')
        __defi_add_completions -d
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_wallet_sign-message() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--hex --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore --password-file --private-key-file --from --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--keystore')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--from')
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_wallet_sign-typed-data() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--keystore --password-file --private-key-file --from --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--keystore')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--from')
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_defi_wallet_checksum() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_abi() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __defi_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    encode|decode|selector|keccak)
        # Offer subcommand argument completions
        "_defi_abi_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'encode decode selector keccak' -- "${cur}"))
        ;;
    esac
}

_defi_abi_encode() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--no-selector --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __defi_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_abi_decode() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--input --json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __defi_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_abi_selector() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_abi_keccak() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_tx() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __defi_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    decode|sign)
        # Offer subcommand argument completions
        "_defi_tx_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'decode sign' -- "${cur}"))
        ;;
    esac
}

_defi_tx_decode() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_tx_sign() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--to --value --data --nonce --gas-limit --gas-price --max-fee --priority-fee --chain-id --type --access-list --keystore --password-file --private-key-file --from --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--to')
        return
        ;;
    '--value')
        return
        ;;
    '--data')
        return
        ;;
    '--nonce')
        return
        ;;
    '--gas-limit')
        return
        ;;
    '--gas-price')
        return
        ;;
    '--max-fee')
        return
        ;;
    '--priority-fee')
        return
        ;;
    '--chain-id')
        return
        ;;
    '--type')
        return
        ;;
    '--access-list')
        return
        ;;
    '--keystore')
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--password-file')
        __defi_add_completions -f
        return
        ;;
    '--private-key-file')
        __defi_add_completions -f
        return
        ;;
    '--from')
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __defi_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_defi_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __defi_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|check)
        # Offer subcommand argument completions
        "_defi_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show check' -- "${cur}"))
        ;;
    esac
}

_defi_config_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(-r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_config_check() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(-r --rpc-url --chain --block --config --db --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-r'|'--rpc-url')
        return
        ;;
    '--chain')
        return
        ;;
    '--block')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_history() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __defi_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show)
        # Offer subcommand argument completions
        "_defi_history_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show' -- "${cur}"))
        ;;
    esac
}

_defi_history_list() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--since --until --strategy --status --limit --config --db --color)
    __defi_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--strategy')
        return
        ;;
    '--status')
        return
        ;;
    '--limit')
        return
        ;;
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_history_show() {
    repeating_flags=(--verbose -v)
    non_repeating_flags=(--json --csv --quiet -q --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --db --color)
    __defi_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __defi_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--db')
        __defi_add_completions -f
        return
        ;;
    '--color')
        __defi_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac
}

_defi_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __defi_offer_flags_options -1
}

complete -o filenames -F _defi defi
